package se.styrning.platform.tracing;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * The services' sampler (Quarkus uses a {@link Sampler} bean in place of its own): a span inside a trace follows the
 * trace's decision, and a span that would begin a trace is kept, except a database statement (a client span) made
 * outside any trace. Those are the relay's polls and the scheduled jobs' queries: each would be a trace of its own,
 * every second in every replica, saying nothing about any call.
 */
@ApplicationScoped
public class BackgroundStatementsUnsampled {

    @Produces
    @Singleton
    Sampler sampler() {
        return Sampler.parentBased(new Sampler() {
            @Override
            public SamplingResult shouldSample(Context parent, String traceId, String name, SpanKind kind,
                                               Attributes attributes, List<LinkData> links) {
                return kind == SpanKind.CLIENT ? SamplingResult.drop() : SamplingResult.recordAndSample();
            }

            @Override
            public String getDescription() {
                return "BackgroundStatementsUnsampled";
            }
        });
    }
}
