package org.mwconform.wikis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * An exclusive lock on a file that holds across processes (the operating system's lock) and across threads of this
 * JVM (which the operating system's lock does not tell apart: a second lock from the same JVM would fail, not wait).
 */
final class FileLocks {
    /** One lock per file for this JVM's threads; keyed by path, never removed (a handful of files). */
    private static final Map<Path, ReentrantLock> IN_JVM = new ConcurrentHashMap<>();

    private FileLocks() {
    }

    static <T> T exclusive(Path file, Supplier<T> action) {
        Path key = file.toAbsolutePath().normalize();
        ReentrantLock lock = IN_JVM.computeIfAbsent(key, k -> new ReentrantLock());
        lock.lock();
        try {
            if (lock.getHoldCount() > 1) {
                return action.get();  // this thread holds it already
            }
            try (FileChannel channel = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                return action.get();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot lock " + key, e);
            }
        } finally {
            lock.unlock();
        }
    }
}
