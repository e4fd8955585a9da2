package org.mwconform.run;

import io.cucumber.core.plugin.MessageFormatter;
import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import org.mwconform.client.TargetBreaker;
import org.mwconform.files.CannotWriteException;
import org.mwconform.world.RunSettings;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Cucumber's own {@code message} plugin ({@code messages.ndjson}, what a deployment is judged from), writing through a
 * guard: when the file cannot be written (no space left, a quota, a filesystem gone read-only), the first failure stops
 * the deployment's scenarios through its breaker, remembering why, and every later write is dropped quietly. Without
 * the guard, Cucumber reports the same failure once per event, thousands of stack traces, while the scenarios go on
 * sending requests whose results can no longer be kept. Given to Cucumber by {@link ScenarioLauncher} as
 * {@code org.mwconform.run.MessagesFile:PATH}.
 */
public final class MessagesFile implements ConcurrentEventListener {
    private final MessageFormatter formatter;

    public MessagesFile(String path) {
        Path file = Path.of(path);
        TargetBreaker breaker = RunSettings.given().map(RunSettings::breaker).orElse(TargetBreaker.none());
        this.formatter = new MessageFormatter(new Guarded(file, e -> breaker.stop("cannot write reports: " + e.getMessage(), e)));
    }

    @Override
    public void setEventPublisher(EventPublisher publisher) {
        formatter.setEventPublisher(publisher);
    }

    /** A file stream that fails once, tells {@code onFailure}, and then swallows everything. */
    static final class Guarded extends OutputStream {
        private final Path file;
        private final java.util.function.Consumer<CannotWriteException> onFailure;
        private OutputStream out;
        private boolean failed;

        Guarded(Path file, java.util.function.Consumer<CannotWriteException> onFailure) {
            this.file = file;
            this.onFailure = onFailure;
            try {
                this.out = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024);
            } catch (IOException e) {
                fail(e);
            }
        }

        private void fail(IOException e) {
            if (!failed) {
                failed = true;
                onFailure.accept(new CannotWriteException(file, e));
            }
        }

        @Override
        public synchronized void write(int b) {
            write(new byte[]{(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            if (failed) {
                return;
            }
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                fail(e);
            }
        }

        @Override
        public synchronized void flush() {
            if (failed) {
                return;
            }
            try {
                out.flush();
            } catch (IOException e) {
                fail(e);
            }
        }

        @Override
        public synchronized void close() {
            if (out == null) {
                return;
            }
            try {
                if (!failed) {
                    out.flush();
                }
            } catch (IOException e) {
                fail(e);
            } finally {
                try {
                    out.close();
                } catch (IOException e) {
                    fail(e);
                }
            }
        }
    }
}
