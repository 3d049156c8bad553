package io.pairprog.server.edge;

import com.sun.management.UnixOperatingSystemMXBean;
import java.lang.management.ManagementFactory;

/**
 * The default connection limit: the process's open-file limit less a reserve for what else the server
 * opens (database connections, the jar, the embedded database's files, selectors), so that a flood of
 * connections is refused by the server instead of failing its accept() and everything else that opens a file.
 */
public final class OpenFiles {
    static final int RESERVE = 128;
    private static final int WITHOUT_A_LIMIT = 10_000;

    private OpenFiles() {
    }

    public static int defaultMaxConnections() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean unix) {
            long limit = unix.getMaxFileDescriptorCount();
            return (int) Math.max(16, Math.min(Integer.MAX_VALUE, limit - RESERVE));
        }
        return WITHOUT_A_LIMIT;
    }
}
