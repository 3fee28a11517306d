package org.cartevidence.pipeline;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cartevidence.testing.ApiTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The import's body limit is its own (cartevidence.limits.max-import-size), not the API's
 * (cartevidence.limits.max-body-size): the API's request filter learns it from the pipeline's {@link ImportLimit}.
 */
@QuarkusTest
class ImportLimitTest extends ApiTest {

    private static long limit(String name) {
        return ConfigProvider.getConfig().getValue(name, MemorySize.class).asLongValue();
    }

    /** An HTTP/1.1 answer's head and its body of Content-Length bytes (ASCII here). */
    private static String answer(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (head.indexOf("\r\n\r\n") < 0) {
            int c = in.read();
            if (c < 0) {
                break;
            }
            head.append((char) c);
        }
        Matcher length = Pattern.compile("(?i)content-length: *(\\d+)").matcher(head);
        byte[] body = length.find() ? in.readNBytes(Integer.parseInt(length.group(1))) : new byte[0];
        return head + new String(body, StandardCharsets.UTF_8);
    }

    @Test
    void anImportOverTheApisBodyLimitIsRead() {
        long apiLimit = limit("cartevidence.limits.max-body-size");
        String key = uniqueKey("import-limit");
        String document = asJson(study(key));
        // Blank lines are skipped: the body is larger than the API's limit, its one document is small.
        String body = document + "\n".repeat((int) apiLimit);
        curator().contentType("application/x-ndjson").body(body.getBytes(StandardCharsets.UTF_8))
                .queryParam("dryRun", true).post("/api/v1/import")
                .then().statusCode(200).body("studies.created", equalTo(1));
    }

    @Test
    void anImportDeclaredOverItsLimitIs413BeforeItsBodyIsSent() throws IOException {
        long importLimit = limit("cartevidence.limits.max-import-size");
        String credentials = Base64.getEncoder()
                .encodeToString((CURATOR + ":" + curatorPassword()).getBytes(StandardCharsets.UTF_8));
        // Only the headers go out: the answer comes from the declared length alone (a client of REST Assured would
        // have to send the whole body).
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/import HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-ndjson\r\n"
                    + "Authorization: Basic " + credentials + "\r\nContent-Length: " + (importLimit + 1)
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = answer(socket.getInputStream());
            assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
            assertTrue(answer.contains("application/problem+json"), answer);
            assertTrue(answer.contains("larger than the limit of " + importLimit + " bytes"), answer);
        }
    }
}
