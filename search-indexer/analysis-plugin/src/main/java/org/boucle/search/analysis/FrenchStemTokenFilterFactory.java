package org.boucle.search.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/**
 * Light French stemming (plurals and common inflections: "portables" and "portable" meet). Light rather than
 * Snowball: model names and specs must not be cut down aggressively.
 */
@NamedComponent("boucle_french_stem")
public class FrenchStemTokenFilterFactory implements TokenFilterFactory {

    @Override
    public TokenStream create(TokenStream input) {
        return new FrenchLightStemFilter(input);
    }
}
