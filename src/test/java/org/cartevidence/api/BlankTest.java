package org.cartevidence.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.cartevidence.testing.ApiTest;
import org.cartevidence.testing.Contract;
import org.junit.jupiter.api.Test;

/**
 * Blank means the same to the service and to its contract: nothing but white space (Unicode's White_Space) and
 * control characters, whether the text is a title, a label or a country.
 */
@QuarkusTest
class BlankTest extends ApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern WHITE_SPACE_OR_CONTROL = Pattern.compile("[\\p{IsWhite_Space}\\p{Cc}]");

    @Test
    void aCharacterIsBlankExactlyWhenItIsWhiteSpaceOrAControlCharacter() {
        List<String> differ = new ArrayList<>();
        for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
            String text = new String(Character.toChars(c));
            if (Blank.isBlank(text) != WHITE_SPACE_OR_CONTROL.matcher(text).matches()) {
                differ.add(Integer.toHexString(c));
            }
        }
        assertEquals(List.of(), differ);
        assertTrue(Blank.isBlank("\u001e \u00a0\t\u3000\u0085"));
        assertFalse(Blank.isBlank("\u00a0x"));
    }

    @Test
    void theServiceAndTheContractRefuseTheSameBlankTexts() throws Exception {
        // U+0000 is refused before validation, as text no database can store (400: HostileInputTest).
        for (String blank : List.of("\u001e", "\u00a0", "\u2003\u0001", " \n\t\u0085")) {
            Map<String, Object> study = study(uniqueKey("blank"));
            study.put("title", blank);
            assertFalse(violations("StudyInput", study).isEmpty(), "the contract takes " + escaped(blank));
            json().body(study).post("/api/v1/studies").then().statusCode(422);

            study = study(uniqueKey("blank"));
            study.put("countries", List.of(blank));
            assertFalse(violations("StudyInput", study).isEmpty(), "the contract takes " + escaped(blank));
            json().body(study).post("/api/v1/studies").then().statusCode(422);

            Map<String, Object> cohort = cohort(blank, 3);
            assertFalse(violations("CohortInput", cohort).isEmpty(), "the contract takes " + escaped(blank));
            json().body(cohort).post("/api/v1/studies/{id}/cohorts", createStudy()).then().statusCode(422);
        }
        Map<String, Object> study = study(uniqueKey("visible"));
        study.put("title", "\u00a0A title after a no-break space\u001e");
        assertEquals(Set.of(), violations("StudyInput", study));
        createStudy(study);
    }

    private static Set<?> violations(String schema, Map<String, Object> body) {
        JsonNode json = JSON.valueToTree(body);
        return Contract.violations(schema, json);
    }

    private static String escaped(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().forEach(c -> out.append(String.format("\\u%04x", c)));
        return out.toString();
    }
}
