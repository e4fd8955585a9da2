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
 * A negative check ("no account was created") waits out the same bound: an account that shows up late
 * is still an account created.
 */
final class Eventually {
    /** {@code -Dmwconform.patience=SECONDS}: the bound of both kinds of wait (default 10 s). */
    static final Duration PATIENCE = Duration.ofMillis((long) (1000 * Double.parseDouble(System.getProperty("mwconform.patience", "10"))));
    private static final Duration POLL = Duration.ofMillis(200);
    /** A negative check reads for the whole patience: less often, so waiting scenarios do not crowd the wiki. */
    private static final Duration ABSENT_POLL = Duration.ofMillis(500);

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

    /**
     * Reads for the whole patience, and returns the first answer that shows what must not happen, or the
     * last answer when it never did.
     */
    static <T> T absent(Supplier<T> read, Predicate<T> appeared) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        T last;
        do {
            last = read.get();
            if (appeared.test(last)) {
                return last;
            }
            try {
                Thread.sleep(ABSENT_POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return last;
            }
        } while (System.nanoTime() < deadline);
        return last;
    }
}
