package org.mwconform.steps;

import org.awaitility.core.ConditionTimeoutException;
import org.mwconform.client.Visibility;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/**
 * Replication and deferred updates may delay what list=users and list=logevents show: read until the answer is
 * there, within the wiki's {@link Visibility} bound, instead of sleeping. A negative check ("no account was
 * created") waits out the same bound: an account that shows up late is still an account created. Where the wiki
 * says its first read is final (one unreplicated database), both read once.
 * <p>
 * {@code read} takes whether to record the exchange in the evidence: polls are not recorded, the read the
 * check rests on is (once, not forty times).
 */
final class Eventually {
    private static final Duration POLL = Duration.ofMillis(200);
    /** A negative check reads for the whole bound: less often, so waiting scenarios do not crowd the wiki. */
    private static final Duration ABSENT_POLL = Duration.ofMillis(500);

    private Eventually() {
    }

    /** The recorded answer once it satisfies the predicate, or when the bound runs out. */
    static <T> T read(Visibility visibility, Function<Boolean, T> read, Predicate<T> done) {
        if (visibility.immediate()) {
            return read.apply(true);
        }
        AtomicReference<T> last = new AtomicReference<>();
        try {
            await().atMost(visibility.bound()).pollInterval(POLL).pollInSameThread()
                    .until(() -> done.test(last.updateAndGet(previous -> read.apply(false))));
        } catch (ConditionTimeoutException e) {
            // The condition check that follows reports what was seen.
        }
        // The evidence's read: at least as late as the last poll, so it shows what the check saw or more.
        T recorded = read.apply(true);
        return done.test(recorded) || !done.test(last.get()) ? recorded : last.get();
    }

    /**
     * Reads for the whole bound, and returns the first answer that shows what must not happen, or the last
     * (recorded) answer when it never did.
     */
    static <T> T absent(Visibility visibility, Function<Boolean, T> read, Predicate<T> appeared) {
        if (visibility.immediate()) {
            return read.apply(true);
        }
        long deadline = System.nanoTime() + visibility.bound().toNanos();
        do {
            T seen = read.apply(false);
            if (appeared.test(seen)) {
                T recorded = read.apply(true);
                return appeared.test(recorded) ? recorded : seen;
            }
            try {
                Thread.sleep(ABSENT_POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        } while (System.nanoTime() < deadline);
        return read.apply(true);
    }
}
