package org.mwconform.client;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TargetBreakerTest {
    @TempDir
    Path dir;

    @Test
    void itOpensWithTheFirstReasonAndClosesOnTheNextAnswer() {
        TargetBreaker breaker = new TargetBreaker(dir.resolve("breaker.txt"));
        breaker.check();
        breaker.trip("unreachable: first");
        breaker.trip("unreachable: second");
        assertThat(breaker.tripped()).contains("unreachable: first");
        // Another session's breaker of the same deployment (the same file) sees it too.
        assertThatThrownBy(new TargetBreaker(dir.resolve("breaker.txt"))::check).isInstanceOf(TargetUnusableException.class)
                .hasMessage("unreachable: first (not asked again in this run)");
        breaker.close();
        assertThat(breaker.tripped()).isEmpty();
        breaker.check();
    }

    @Test
    void aStopOfTheRunNeverCloses() {
        TargetBreaker breaker = new TargetBreaker(dir.resolve("breaker.txt"));
        breaker.trip("timeout: slow");
        breaker.stop("interrupted: the run was stopped by a signal");
        breaker.close();
        assertThat(breaker.tripped()).contains("interrupted: the run was stopped by a signal");
        assertThat(new TargetBreaker(dir.resolve("breaker.txt")).tripped()).contains("interrupted: the run was stopped by a signal");
    }

    @Test
    void aStopHoldsInMemoryWhenItsFileCannotBeWrittenAndKeepsItsCause() throws java.io.IOException {
        Path notAFolder = java.nio.file.Files.writeString(dir.resolve("a-file"), "x");
        TargetBreaker breaker = new TargetBreaker(notAFolder.resolve("breaker.txt"));
        IllegalStateException cause = new IllegalStateException("disk full");
        breaker.stop("cannot write reports: disk full", cause);
        assertThat(breaker.tripped()).contains("cannot write reports: disk full");
        assertThat(breaker.stopCause()).containsSame(cause);
    }

    @Test
    void noneNeverOpens() {
        TargetBreaker.none().trip("x");
        TargetBreaker.none().stop("y");
        assertThat(TargetBreaker.none().tripped()).isEmpty();
    }
}
