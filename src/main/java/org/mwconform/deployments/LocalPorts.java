package org.mwconform.deployments;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * The one rule for the port a new local deployment's file names: the harness's own wikis use 8391–8411 (the
 * example's included); a new extension project takes one from {@value #FIRST}–{@value #LAST}, starting at a place
 * its name decides (so two projects rarely start at the same port) and taking the first that is free on 127.0.0.1
 * now. That is the preferred port only: if another program holds it when the wiki starts, the deployment engine
 * serves the wiki on a free port and records it.
 */
public final class LocalPorts {
    public static final int FIRST = 8420;
    public static final int LAST = 8499;

    private LocalPorts() {
    }

    /** The preferred port for a new project named {@code name}: see the class comment. */
    public static int forNewProject(String name) {
        int size = LAST - FIRST + 1;
        int start = Math.floorMod(name.hashCode(), size);
        for (int i = 0; i < size; i++) {
            int port = FIRST + (start + i) % size;
            if (free(port)) {
                return port;
            }
        }
        return FIRST + start;  // every one is taken now: the engine moves the wiki when it starts
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }
}
