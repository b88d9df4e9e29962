package se.styrning.platform.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Carries a trace across the bus. The outbox row keeps the W3C trace context of the transaction that wrote it; the
 * relay sends the event from a producer span continuing that context and puts the span's context on the record, as
 * the W3C {@code traceparent} header and the CloudEvents {@code ce_traceparent} extension; a consumer applies the
 * event in a consumer span that continues it. So one REST call is one trace, down to the report row it became.
 * With tracing off ({@code quarkus.otel.sdk.disabled}, the default outside Kubernetes) nothing here records anything.
 */
@ApplicationScoped
public class EventTracing {

    public static final String TRACEPARENT = "traceparent";
    static final String CE_TRACEPARENT = "ce_traceparent";
    private static final TextMapGetter<Headers> KAFKA_HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers headers) {
            List<String> keys = new ArrayList<>();
            headers.forEach(header -> keys.add(header.key()));
            return keys;
        }

        @Override
        public String get(Headers headers, String key) {
            Header header = headers == null ? null : headers.lastHeader(key);
            return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    };
    private static final TextMapGetter<Map<String, String>> MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private final Tracer tracer;
    private final TextMapPropagator propagator;

    EventTracing(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer("se.styrning.platform");
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
    }

    /** The current trace context as a W3C {@code traceparent}, or null when nothing is traced. */
    public String currentTraceparent() {
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(Context.current(), carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /**
     * A producer span for sending one outbox event, continuing the trace of the transaction that wrote it; an
     * event written outside any trace is sent without a span (a relay pass is not a trace of its own, and
     * {@link BackgroundStatementsUnsampled} keeps its database statements out of the traces too).
     */
    public Span sending(String traceparent, String topic, String type, String eventId) {
        if (traceparent == null) {
            return Span.getInvalid();
        }
        Context parent = propagator.extract(Context.root(), Map.of(TRACEPARENT, traceparent), MAP);
        return tracer.spanBuilder(topic + " publish")
                .setParent(parent)
                .setSpanKind(SpanKind.PRODUCER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", topic)
                .setAttribute("messaging.operation.type", "send")
                .setAttribute("messaging.message.id", eventId)
                .setAttribute("cloudevents.event_type", type)
                .startSpan();
    }

    /**
     * Puts the span's context on a record about to be sent, as {@code traceparent} and {@code ce_traceparent}; without
     * a span (the relay is failing), the context the event was written in.
     */
    public void inject(Span span, String writtenIn, Headers headers) {
        Map<String, String> carrier = new HashMap<>();
        if (span.getSpanContext().isValid()) {
            propagator.inject(Context.root().with(span), carrier, Map::put);
        } else if (writtenIn != null) {
            carrier.put(TRACEPARENT, writtenIn);
        }
        carrier.forEach((name, value) -> {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
            if (TRACEPARENT.equals(name)) {
                headers.add(CE_TRACEPARENT, value.getBytes(StandardCharsets.UTF_8));
            }
        });
    }

    /** Ends the spans of sent events: acknowledged, or failed with {@code failure}. */
    public static void ended(List<Span> spans, RuntimeException failure) {
        for (Span span : spans) {
            if (failure != null) {
                span.recordException(failure);
                span.setStatus(StatusCode.ERROR);
            }
            span.end();
        }
    }

    /**
     * Applies one consumed event in a consumer span continuing the trace its record carries; an event that carries
     * none is applied without a span.
     */
    public void applying(Headers headers, String topic, String type, String eventId, Runnable handling) {
        Context parent = propagator.extract(Context.root(), headers, KAFKA_HEADERS);
        if (!Span.fromContext(parent).getSpanContext().isValid()) {
            handling.run();
            return;
        }
        Span span = tracer.spanBuilder(topic + " process")
                .setParent(parent)
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", topic)
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.message.id", eventId)
                .setAttribute("cloudevents.event_type", type)
                .startSpan();
        try (Scope ignored = span.makeCurrent()) {
            handling.run();
        } catch (RuntimeException e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR);
            throw e;
        } finally {
            span.end();
        }
    }
}
