package io.pairprog.server.support;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import org.h2.store.fs.FileBase;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * A file system for H2 whose writes fail on demand, as a full or broken disk's would: open a database as
 * {@code jdbc:h2:failing:/path/db} (see {@link #url}) after {@link #register()}.
 */
public final class FailingFilePath extends FilePathWrapper {
    private static final FailingFilePath INSTANCE = new FailingFilePath();
    private static volatile boolean failWrites;

    public static synchronized void register() {
        FilePath.register(INSTANCE);
    }

    /** The same JDBC URL on this file system. */
    public static String url(String h2FileUrl) {
        return h2FileUrl.replaceFirst("^jdbc:h2:file:", "jdbc:h2:failing:");
    }

    public static void failWrites(boolean fail) {
        failWrites = fail;
    }

    @Override
    public String getScheme() {
        return "failing";
    }

    @Override
    public FileChannel open(String mode) throws IOException {
        return new Channel(getBase().open(mode));
    }

    private static final class Channel extends FileBase {
        private final FileChannel base;

        Channel(FileChannel base) {
            this.base = base;
        }

        private static void check() throws IOException {
            if (failWrites) {
                throw new IOException("injected write failure");
            }
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            check();
            return base.write(src);
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            check();
            return base.write(src, position);
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            check();
            base.truncate(size);
            return this;
        }

        @Override
        public void force(boolean metaData) throws IOException {
            base.force(metaData);
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return base.read(dst);
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return base.read(dst, position);
        }

        @Override
        public long position() throws IOException {
            return base.position();
        }

        @Override
        public FileChannel position(long pos) throws IOException {
            base.position(pos);
            return this;
        }

        @Override
        public long size() throws IOException {
            return base.size();
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return base.tryLock(position, size, shared);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            base.close();
        }
    }
}
