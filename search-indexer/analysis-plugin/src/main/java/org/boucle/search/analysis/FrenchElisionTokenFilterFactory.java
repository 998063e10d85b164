package org.boucle.search.analysis;

import java.util.List;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.util.ElisionFilter;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/** Drops French elided articles and pronouns ("l’ordinateur" → "ordinateur"), with a straight or curly apostrophe. */
@NamedComponent("boucle_elision")
public class FrenchElisionTokenFilterFactory implements TokenFilterFactory {

    private static final List<String> ELIDED = List.of(
            "l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu");

    private final CharArraySet articles = CharArraySet.unmodifiableSet(new CharArraySet(ELIDED, true));

    @Override
    public TokenStream create(TokenStream input) {
        return new ElisionFilter(input, articles);
    }
}
