package org.boucle.marketplace.platform;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A resource that does not exist, or that the actor may not know exists: both answer 404,
 * so that ids of other organizations' private data cannot be probed.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class NotFoundException extends RuntimeException {

    private final String resource;

    public NotFoundException(String resource, Object id) {
        super("No " + resource + " " + id);
        this.resource = resource;
    }

    public String resource() {
        return resource;
    }
}
