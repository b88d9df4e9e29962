package se.styrning.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * nginx as a plain reverse proxy with the gateway's routes, when it is installed: the reference for what a proxy
 * costs. Runs in the foreground from a prefix directory of its own and is stopped with the bench.
 */
final class Nginx implements AutoCloseable {

    private final Process process;
    final int port;

    private Nginx(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static Optional<Nginx> startIfInstalled(Path directory, Map<String, String> upstreamByPrefix, String fallback) {
        Optional<Path> binary = List.of("/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/bin/nginx").stream()
                .map(Path::of).filter(Files::isExecutable).findFirst();
        if (binary.isEmpty()) {
            return Optional.empty();
        }
        try {
            Files.createDirectories(directory.resolve("logs"));
            int port = freePort();
            // one upstream per service with kept-alive connections, as the gateway keeps them
            StringBuilder upstreams = new StringBuilder();
            StringBuilder locations = new StringBuilder();
            Map<String, String> names = new java.util.LinkedHashMap<>();
            for (String origin : new java.util.LinkedHashSet<>(upstreamByPrefix.values())) {
                names.put(origin, "u" + names.size());
                upstreams.append("  upstream ").append(names.get(origin)).append(" { server ")
                        .append(URI.create(origin).getAuthority()).append("; keepalive 64; }\n");
            }
            if (!names.containsKey(fallback)) {
                names.put(fallback, "u" + names.size());
                upstreams.append("  upstream ").append(names.get(fallback)).append(" { server ")
                        .append(URI.create(fallback).getAuthority()).append("; keepalive 64; }\n");
            }
            upstreamByPrefix.forEach((prefix, origin) -> locations.append("    location ").append(prefix)
                    .append(" { proxy_pass http://").append(names.get(origin)).append("; }\n"));
            Files.writeString(directory.resolve("nginx.conf"), """
                    worker_processes 1;
                    daemon off;
                    pid %1$s/nginx.pid;
                    error_log %1$s/logs/error.log warn;
                    events { worker_connections 1024; }
                    http {
                      access_log off;
                      client_body_temp_path %1$s/body; proxy_temp_path %1$s/proxy;
                      fastcgi_temp_path %1$s/fastcgi; uwsgi_temp_path %1$s/uwsgi; scgi_temp_path %1$s/scgi;
                      proxy_http_version 1.1;
                      proxy_set_header Connection "";
                    %3$s  server {
                        listen 127.0.0.1:%2$d;
                    %4$s    location / { proxy_pass http://%5$s; }
                      }
                    }
                    """.formatted(directory, port, upstreams, locations, names.get(fallback)));
            Process process = new ProcessBuilder(binary.get().toString(), "-p", directory.toString(), "-c",
                    directory.resolve("nginx.conf").toString()).redirectErrorStream(true)
                    .redirectOutput(directory.resolve("logs/nginx.out").toFile()).start();
            Nginx nginx = new Nginx(process, port);
            nginx.awaitListening();
            return Optional.of(nginx);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long pid() {
        return process.pid();
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    private void awaitListening() {
        for (int i = 0; i < 100; i++) {
            try (var socket = new java.net.Socket()) {
                socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException e) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("nginx exited with " + process.exitValue());
                }
                sleep();
            }
        }
        throw new IllegalStateException("nginx did not listen on " + port);
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
