package org.cartevidence.pipeline;

import org.cartevidence.api.OpenApiConventions;

/**
 * Examples of the contract, taken from the service's own export of one reference study (and its re-import). Each
 * names its file under openapi-examples/pipeline/, whose text the contract shows (see
 * {@link OpenApiConventions#EXAMPLE_FILE}).
 */
final class Examples {

    private static final String FOLDER = OpenApiConventions.EXAMPLE_FILE + "pipeline/";

    /** One line of GET /api/v1/export: the document of the reference study yts109-2025-nat-med. */
    static final String NDJSON = FOLDER + "study.ndjson";

    /** The same document in an array, as application/json. */
    static final String JSON = FOLDER + "studies.json";

    /** The same study as GET /api/v1/export?format=csv writes it. */
    static final String CSV = FOLDER + "study.csv";

    /** What importing that document into a database that already holds it answers. */
    static final String RESULT = FOLDER + "import-result.json";

    /** The example itself: the text of the file it names. */
    static String text(String example) {
        return OpenApiConventions.exampleText(example);
    }

    private Examples() {
    }
}
