package se.styrning.gateway;

import io.vertx.core.http.HttpServerRequest;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How long one call may wait for its upstream: the upstream's timeout, or its {@code slow.timeout} for a call that is
 * slow by nature (its Accept header names a media type of {@code slow.accept}, or its path matches {@code slow.paths}).
 */
record UpstreamTimeouts(Duration normal, Duration slow, List<String> slowAccepts, List<Pattern> slowPaths) {

    static UpstreamTimeouts of(GatewayConfig.Upstream upstream) {
        return upstream.slow()
                .map(slow -> new UpstreamTimeouts(upstream.timeout(), slow.timeout(), slow.accept().orElse(List.of()),
                        slow.paths().orElse(List.of()).stream().map(Pattern::compile).toList()))
                .orElse(new UpstreamTimeouts(upstream.timeout(), upstream.timeout(), List.of(), List.of()));
    }

    Duration of(HttpServerRequest request) {
        String accept = request.getHeader("Accept");
        boolean slowByNature = accept != null && slowAccepts.stream().anyMatch(accept::contains)
                || slowPaths.stream().anyMatch(path -> path.matcher(request.path()).matches());
        return slowByNature ? slow : normal;
    }
}
