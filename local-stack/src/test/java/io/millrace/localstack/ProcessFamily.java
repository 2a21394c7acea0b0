package io.millrace.localstack;

import java.util.ArrayList;
import java.util.List;

/** A server's process and its descendants, captured while it runs, to check afterwards that all are gone. */
record ProcessFamily(String server, List<ProcessHandle> members) {

    static ProcessFamily of(String server, long pid) {
        ProcessHandle root = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError(server + " pid " + pid
                + " is not running"));
        List<ProcessHandle> members = new ArrayList<>();
        members.add(root);
        members.addAll(root.descendants().toList());
        return new ProcessFamily(server, List.copyOf(members));
    }

    List<Long> alive() {
        return members.stream().filter(ProcessHandle::isAlive).map(ProcessHandle::pid).toList();
    }
}
