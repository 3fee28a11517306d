package org.cartevidence.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The paging parameters of every list: the page number here, the size in each kind of list, which documents it in
 * its own items (a history's are revisions).
 */
public abstract class PageRequest {

    public static final int MAX_SIZE = 100;

    @QueryParam("page")
    @DefaultValue("0")
    @Min(0)
    @Max(1_000_000)
    @Parameter(description = "Page number, from 0.", example = "0")
    public int page;

    /** The size the client asked for. */
    protected abstract int size();

    /** The size of the page answered: the one asked for, capped at {@value #MAX_SIZE}. */
    public int effectiveSize() {
        return Math.min(size(), MAX_SIZE);
    }
}
