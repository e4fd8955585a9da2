package org.mwconform.expectations;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A wiki gets the harness's reviewed deviations of the release it reports, and only a release's. */
class ReviewedByVersionTest {
    @Test
    void aReleaseGetsItsReviewsAStandInNone() {
        Expectations.ForVersion release = Expectations.none().forVersion("1.39.17");
        assertThat(release.note()).isNull();
        assertThat(release.expectations().all()).extracting(KnownDeviation::scenario).contains("notoken", "badtoken");

        Expectations.ForVersion unreviewed = Expectations.none().forVersion("1.12.0");
        assertThat(unreviewed.expectations().all()).isEmpty();
        assertThat(unreviewed.note()).contains("no reviewed deviations for this version");

        // the harness's own stand-in wiki ("MediaWiki stub") behaves as documented: no release's reviews, no note
        Expectations.ForVersion standIn = Expectations.none().forVersion("stub");
        assertThat(standIn.expectations().all()).isEmpty();
        assertThat(standIn.note()).isNull();
    }
}
