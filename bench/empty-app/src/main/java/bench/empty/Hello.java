package bench.empty;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The whole app: a constant small JSON answer. */
@Path("/hello")
public class Hello {

    private static final String BODY = "{\"hello\":\"world\"}";

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String hello() {
        return BODY;
    }
}
