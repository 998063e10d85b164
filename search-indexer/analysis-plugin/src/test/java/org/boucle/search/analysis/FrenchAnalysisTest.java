package org.boucle.search.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.Tokenizer;
import org.junit.jupiter.api.Test;

/** The chain the catalogue index declares: standard tokenizer, elision, folding, light stemming. */
class FrenchAnalysisTest {

    private final FrenchElisionTokenFilterFactory elision = new FrenchElisionTokenFilterFactory();
    private final FoldingTokenFilterFactory folding = new FoldingTokenFilterFactory();
    private final FrenchStemTokenFilterFactory stem = new FrenchStemTokenFilterFactory();

    @Test
    void accentsCaseAndPluralsMeet() throws IOException {
        assertThat(french("Écrans")).isEqualTo(french("ecran"));
        assertThat(french("Ordinateurs portables")).isEqualTo(french("ordinateur portable"));
        assertThat(french("TÉLÉPHONES")).isEqualTo(french("téléphone"));
    }

    @Test
    void elisionsGoWithEitherApostrophe() throws IOException {
        assertThat(french("l’ordinateur d'occasion")).isEqualTo(french("ordinateur occasion"));
        assertThat(french("L'Écran")).isEqualTo(french("ecran"));
    }

    @Test
    void modelNamesSurviveLightStemming() throws IOException {
        assertThat(french("Latitude 5420")).containsExactly("latitud", "5420");
        assertThat(french("ThinkPad T14s")).hasSize(2);
    }

    @Test
    void withoutTheStemmerPluralsStayApart() throws IOException {
        Tokenizer tokenizer = new StandardTokenizer();
        tokenizer.setReader(new StringReader("Écrans"));
        assertThat(terms(folding.create(tokenizer))).containsExactly("ecrans");
    }

    private List<String> french(String text) throws IOException {
        Tokenizer tokenizer = new StandardTokenizer();
        tokenizer.setReader(new StringReader(text));
        return terms(stem.create(folding.create(elision.create(tokenizer))));
    }

    private static List<String> terms(TokenStream stream) throws IOException {
        List<String> terms = new ArrayList<>();
        CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
        try (stream) {
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        }
        return terms;
    }
}
