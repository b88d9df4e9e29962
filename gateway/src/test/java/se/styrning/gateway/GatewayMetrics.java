package se.styrning.gateway;

import static io.restassured.RestAssured.given;

/** Reads the gateway's own metrics, as Prometheus scrapes them. */
final class GatewayMetrics {

    private GatewayMetrics() {
    }

    /** The sum of the series of {@code name} whose labels include {@code label} (e.g. {@code upstream="plan"}). */
    static double value(String name, String label) {
        String body = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return body.lines()
                .filter(line -> line.startsWith(name + "{") && line.contains(label))
                // the value follows the labels; an exemplar (# {trace_id=…} value time) may follow it
                .mapToDouble(line -> Double.parseDouble(line.substring(line.indexOf("} ") + 2).split(" ")[0]))
                .sum();
    }
}
