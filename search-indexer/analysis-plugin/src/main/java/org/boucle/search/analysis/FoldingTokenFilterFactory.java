package org.boucle.search.analysis;

import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/**
 * Lowercase, then fold to ASCII: "Écrans" and "ecrans" become the same term. Also a normalizer, so keyword
 * fields (facets, exact model matches) compare the same way as text.
 */
@NamedComponent("boucle_folding")
public class FoldingTokenFilterFactory implements TokenFilterFactory {

    @Override
    public TokenStream create(TokenStream input) {
        return new ASCIIFoldingFilter(new LowerCaseFilter(input));
    }

    @Override
    public TokenStream normalize(TokenStream input) {
        return create(input);
    }
}
