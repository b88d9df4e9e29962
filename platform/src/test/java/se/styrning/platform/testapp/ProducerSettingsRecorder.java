package se.styrning.platform.testapp;

import io.smallrye.reactive.messaging.ClientCustomizer;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.eclipse.microprofile.config.Config;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Keeps the settings of every producer the Kafka connector makes (here only dead-letter producers), by client id. */
@ApplicationScoped
public class ProducerSettingsRecorder implements ClientCustomizer<Map<String, Object>> {

    public static final Map<String, Map<String, Object>> PRODUCERS = new ConcurrentHashMap<>();

    @Override
    public Map<String, Object> customize(String channel, Config channelConfig, Map<String, Object> config) {
        if (config.containsKey(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG)) {
            PRODUCERS.put(String.valueOf(config.get(ProducerConfig.CLIENT_ID_CONFIG)), Map.copyOf(config));
        }
        return config;
    }

    @Override
    public int getPriority() {
        return Integer.MAX_VALUE;
    }
}
