package org.boucle.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class IndexNamespaceTest {

    @Test
    void namesAliasesGenerationsAndWildcardUnderThePrefix() {
        IndexNamespace namespace = new IndexNamespace("boucle-test");

        assertThat(namespace.alias("listings")).isEqualTo("boucle-test-listings");
        assertThat(namespace.generation("listings", 3)).isEqualTo("boucle-test-listings-000003");
        assertThat(namespace.wildcard()).isEqualTo("boucle-test-*");
    }

    @Test
    void rejectsNamesElasticsearchWouldRefuse() {
        assertThatIllegalArgumentException().isThrownBy(() -> new IndexNamespace("Boucle"));
        assertThatIllegalArgumentException().isThrownBy(() -> new IndexNamespace("_boucle"));
        assertThatIllegalArgumentException().isThrownBy(() -> new IndexNamespace("bou cle"));
        assertThatIllegalArgumentException().isThrownBy(() -> new IndexNamespace(""));
        assertThatIllegalArgumentException().isThrownBy(() -> new IndexNamespace("boucle").alias("Listings"));
        assertThatIllegalArgumentException().isThrownBy(() -> new IndexNamespace("boucle").generation("listings", 0));
    }
}
