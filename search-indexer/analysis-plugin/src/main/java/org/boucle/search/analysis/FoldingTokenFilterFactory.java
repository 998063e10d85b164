package org.boucle.search.analysis;

import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/**
 * Lowercase, then fold to ASCII: "Écrans" and "ecrans" become the same term. Elasticsearch 8.19 does not let
 * stable-plugin filters into keyword normalizers, so keyword keys are folded the same way in Java by the indexer.
 */
@NamedComponent("boucle_folding")
public class FoldingTokenFilterFactory implements TokenFilterFactory {

    @Override
    public TokenStream create(TokenStream input) {
        return new ASCIIFoldingFilter(new LowerCaseFilter(input));
    }
}
