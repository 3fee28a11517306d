package bench.orm;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The same constant answer as the empty app: what differs is only what starts before it. */
@Path("/hello")
public class Hello {

    private static final String BODY = "{\"hello\":\"world\"}";

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String hello() {
        return BODY;
    }
}
