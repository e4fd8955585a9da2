package org.mwconform.history;

import org.mwconform.files.AtomicFiles;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * SQLite's native library, unpacked once per user and driver version into the cache
 * ({@code ${MWCONFORM_CACHE:-${XDG_CACHE_HOME:-~/.cache}/mwconform}/sqlite-jdbc-VERSION/}, where the local wikis'
 * MediaWiki is kept too) and loaded from there. Left to itself, sqlite-jdbc writes its 1 MB library into the temp
 * folder at every start: on a full disk (or under a file-size limit) that write fails before the run begins, with
 * the driver's stack trace on stderr, instead of the one line and exit 3 of a report that cannot be written.
 * If the cache cannot be written or read, the driver does as it always did.
 */
final class SqliteNative {
    private static final String PATH = "org.sqlite.lib.path";
    private static final String NAME = "org.sqlite.lib.name";
    private static boolean prepared;

    private SqliteNative() {
    }

    /** Before the first connection: points the driver at the cached library (unpacked now if it is not there yet). */
    static synchronized void prepare() {
        if (prepared) {
            return;
        }
        prepared = true;
        if (System.getProperty(PATH) != null) {
            return;  // the user chose a library
        }
        String folder = LibraryLoaderUtil.getNativeLibResourcePath();  // such as /org/sqlite/native/Linux/x86_64
        String name = LibraryLoaderUtil.getNativeLibName();
        URL library = SQLiteJDBCLoader.class.getResource(folder + "/" + name);
        Path cache = cacheRoot();
        if (library == null || cache == null) {
            return;
        }
        Path target = cache.resolve("sqlite-jdbc-" + SQLiteJDBCLoader.getVersion() + folder.replace("/org/sqlite/native", ""));
        Path file = target.resolve(name);
        try {
            long size = library.openConnection().getContentLengthLong();
            if (!Files.isRegularFile(file) || size >= 0 && Files.size(file) != size) {
                // written whole under a temporary name, then renamed: a second checkout starting at once never loads half
                AtomicFiles.write(file, out -> {
                    try (InputStream in = library.openStream()) {
                        in.transferTo(out);
                    }
                });
            }
            System.setProperty(PATH, target.toString());
            System.setProperty(NAME, name);
        } catch (IOException | UncheckedIOException e) {
            // no cache to be had: the driver unpacks into the temp folder, as it does by default
        }
    }

    private static Path cacheRoot() {
        String own = System.getenv("MWCONFORM_CACHE");
        if (own != null && !own.isBlank()) {
            return Path.of(own);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "mwconform");
        }
        String home = System.getProperty("user.home");
        return home == null || home.isBlank() ? null : Path.of(home, ".cache", "mwconform");
    }
}
