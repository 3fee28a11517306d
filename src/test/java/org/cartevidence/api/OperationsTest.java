package org.cartevidence.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

/**
 * What an operator relies on: health with a database check, Prometheus metrics, CORS for browser clients, URLs that
 * work behind a reverse proxy.
 */
@QuarkusTest
class OperationsTest {

    @Test
    void healthReportsTheDatabase() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")));
    }

    @Test
    void metricsArePrometheusText() {
        given().get("/api/v1/studies").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests_seconds_count"));
    }

    @Test
    void corsExposesTheHeadersClientsRead() {
        given().header("Origin", "http://dashboard.example").get("/api/v1/studies").then().statusCode(200)
                .header("Access-Control-Allow-Origin", "http://dashboard.example")
                .header("Access-Control-Expose-Headers", containsString("ETag"))
                .header("Access-Control-Expose-Headers", containsString("Link"))
                .header("Access-Control-Expose-Headers", containsString("Location"));
        given().header("Origin", "http://dashboard.example").header("Access-Control-Request-Method", "PATCH")
                .header("Access-Control-Request-Headers", "If-Match,Content-Type")
                .options("/api/v1/studies/1").then().statusCode(200)
                .header("Access-Control-Allow-Methods", containsString("PATCH"))
                .header("Vary", containsString("Origin"));
    }

    /** The allowed origin is echoed: a cache must keep each origin's answer apart, and the one without Origin too. */
    @Test
    void everyAnswerVariesOnOrigin() {
        for (String origin : new String[] {"http://dashboard.example", null}) {
            RequestSpecification request = origin == null ? given() : given().header("Origin", origin);
            request.get("/api/v1/studies").then().statusCode(200).header("Vary", containsString("Origin"));
            request.get("/api/v1/nothing-here").then().statusCode(404).header("Vary", containsString("Origin"));
            request.accept("text/csv").get("/api/v1/studies").then().statusCode(200)
                    .header("Vary", containsString("Origin"));
        }
    }

    /** With quarkus.http.proxy.proxy-address-forwarding (on in the test profile), Links name what the client used. */
    @Test
    void behindAProxyLinkUrlsUseTheSchemeAndHostTheClientUsed() {
        given().header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "evidence.example.org")
                .queryParam("size", 1).get("/api/v1/studies").then().statusCode(200)
                .header("Link", startsWith("<https://evidence.example.org/api/v1/studies?"))
                .header("Link", not(containsString("localhost")));
        given().header("Forwarded", "proto=https;host=api.example.net").queryParam("size", 1)
                .get("/api/v1/studies").then().statusCode(200)
                .header("Link", startsWith("<https://api.example.net/api/v1/studies?"));
        given().queryParam("size", 1).get("/api/v1/studies").then().statusCode(200)
                .header("Link", startsWith("<http://localhost:"));
    }
}
