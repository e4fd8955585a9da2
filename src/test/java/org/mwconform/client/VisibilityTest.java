package org.mwconform.client;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The bound of every read of list=users and list=logevents comes from what the wiki says of its database. */
class VisibilityTest {
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    @Test
    void anUnreplicatedSqliteWikiIsReadOnce() {
        Visibility v = Visibility.of(new SiteInfo("MediaWiki 1.39.17", "w", List.of(), "sqlite"), PATIENCE);
        assertThat(v.immediate()).isTrue();
        assertThat(v.evidence()).contains("dbtype sqlite");
    }

    @Test
    void anyOtherWikiOrOneThatDoesNotSayIsReadForThePatience() {
        for (String type : new String[]{"mysql", "postgres", null}) {
            Visibility v = Visibility.of(new SiteInfo("MediaWiki 1.39.17", "w", List.of(), type), PATIENCE);
            assertThat(v.immediate()).as(type).isFalse();
            assertThat(v.bound()).isEqualTo(PATIENCE);
            assertThat(v.evidence()).contains("up to 10 s");
        }
        assertThat(Visibility.of(null, Duration.ofMillis(1500)).evidence()).contains("up to 1.5 s");
    }
}
