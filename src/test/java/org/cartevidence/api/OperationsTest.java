package org.cartevidence.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** What an operator relies on: health with a database check, Prometheus metrics, CORS for browser clients. */
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
                .header("Access-Control-Allow-Methods", containsString("PATCH"));
    }
}
