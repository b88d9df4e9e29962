package se.styrning.local;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StackSettingsTest {

    /** A port from the ephemeral range can be taken by any outgoing connection before the stack's process binds it. */
    @Test
    void freePortsAreDistinctBindableAndBelowTheEphemeralRange() throws IOException {
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            ports.add(StackSettings.freePort());
        }
        assertEquals(50, ports.size(), "a port was handed out twice: " + ports);
        int ephemeral = StackSettings.ephemeralPortsFrom();
        for (int port : ports) {
            if (ephemeral > 21_000) {
                assertTrue(port >= 20_000 && port < ephemeral, port + " is not between 20000 and the ephemeral range's " + ephemeral);
            }
            try (ServerSocket socket = new ServerSocket(port)) {
                assertEquals(port, socket.getLocalPort());
            }
        }
    }
}
