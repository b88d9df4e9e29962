package se.styrning.gateway;

import se.styrning.testsupport.PrometheusMetrics;

import static io.restassured.RestAssured.given;

/** Reads the gateway's own metrics, as Prometheus scrapes them. */
final class GatewayMetrics {

    private GatewayMetrics() {
    }

    /** The sum of the series of {@code name} whose labels include {@code label}; fails if there is no such series. */
    static double value(String name, String label) {
        String scraped = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        if (!PrometheusMetrics.served(scraped, name, label)) {
            throw new AssertionError("the gateway serves no " + name + " with " + label);
        }
        return PrometheusMetrics.value(scraped, name, label);
    }
}
