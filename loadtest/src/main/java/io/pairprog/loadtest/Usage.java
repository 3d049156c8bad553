package io.pairprog.loadtest;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who used the CPU during a step: the server, the tool itself, the database processes, everything else
 * on the machine, and the hypervisor (time it took from this virtual machine's cores). A large
 * {@link #otherCpuPercent} or {@link #stealCpuPercent} means something unrelated competed for the cores
 * and the step's latencies should not be trusted.
 */
record Usage(ProcStats server, ProcStats tool, ProcStats db, Map<Long, Long> everyone, long stealTicks,
             long nanoTime) {

    static Usage sample(Long serverPid, List<Long> dbPids) {
        return new Usage(serverPid == null ? null : ProcStats.of(serverPid), ProcStats.of(ProcessHandle.current().pid()),
                dbPids.isEmpty() ? null : ProcStats.sum(dbPids), ProcStats.allProcesses(), ProcStats.stealTicks(),
                System.nanoTime());
    }

    /** Time the hypervisor ran something else on this machine's cores, in percent of one core. */
    double stealCpuPercent(Usage earlier) {
        return ProcStats.percentOfOneCore(stealTicks - earlier.stealTicks, nanoTime - earlier.nanoTime);
    }

    Double serverCpuPercent(Usage earlier) {
        return server == null ? null : server.cpuPercentSince(earlier.server);
    }

    double toolCpuPercent(Usage earlier) {
        return tool.cpuPercentSince(earlier.tool);
    }

    Double dbCpuPercent(Usage earlier) {
        return db == null ? null : db.cpuPercentSince(earlier.db);
    }

    /**
     * CPU used by every other process, in percent of one core: processes alive at both samples count
     * their difference, processes started in between count whole. Ones that started and ended in
     * between are missed, so this is a lower bound.
     */
    double otherCpuPercent(Usage earlier, Long serverPid, List<Long> dbPids) {
        Set<Long> mine = new HashSet<>(dbPids);
        mine.add(ProcessHandle.current().pid());
        if (serverPid != null) {
            mine.add(serverPid);
        }
        long ticks = 0;
        for (Map.Entry<Long, Long> e : everyone.entrySet()) {
            if (!mine.contains(e.getKey())) {
                ticks += e.getValue() - earlier.everyone.getOrDefault(e.getKey(), 0L);
            }
        }
        return ProcStats.percentOfOneCore(ticks, nanoTime - earlier.nanoTime);
    }

    Double serverRssMib() {
        return server == null ? null : server.rssKib() / 1024.0;
    }
}
