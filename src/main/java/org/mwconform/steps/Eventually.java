package org.mwconform.steps;

import org.awaitility.core.ConditionTimeoutException;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.awaitility.Awaitility.await;

/**
 * Replication and deferred updates may delay what list=users and list=logevents show: read until the
 * answer is there, bounded, instead of sleeping. The condition checked afterwards reports what was seen.
 */
final class Eventually {
    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(200);

    private Eventually() {
    }

    /** The last answer once it satisfies the predicate, or the last answer when patience runs out. */
    static <T> T read(Supplier<T> read, Predicate<T> done) {
        AtomicReference<T> last = new AtomicReference<>();
        try {
            await().atMost(PATIENCE).pollInterval(POLL).pollInSameThread()
                    .until(() -> done.test(last.updateAndGet(previous -> read.get())));
        } catch (ConditionTimeoutException e) {
            // The condition check that follows reports what was seen.
        }
        return last.get();
    }
}
