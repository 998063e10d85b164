package org.boucle.marketplace.catalog;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.UUID;
import org.boucle.marketplace.organization.Actor;
import org.boucle.marketplace.platform.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/listings")
@Tag(name = "Listings", description = "The catalogue's listings: refurbished stock and upcoming decommissioned lots")
class ListingApiController {

    private final Listings listings;

    ListingApiController(Listings listings) {
        this.listings = listings;
    }

    @PostMapping
    @Operation(summary = "Publish refurbished stock (workshops, resellers; coordinators for any of them)",
            description = "REFURBISHED needs a grade; laptops, smartphones and tablets need a battery health that meets "
                    + "their grade's minimum (A 85 %, B 75 %, C 60 %). Every invalid field is reported at once.")
    ResponseEntity<ListingView> create(@RequestBody ListingDraft draft, Actor actor) {
        ListingView created = listings.create(actor, draft);
        return ResponseEntity.created(URI.create("/api/v1/listings/" + created.id())).body(created);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One listing: active ones for everyone, paused and withdrawn ones for their seller only")
    ListingView get(@PathVariable UUID id, Actor actor) {
        return listings.view(actor, id);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace a listing's description (its seller and coordinators)",
            description = "Send the version you read to be told (409) when someone changed the listing meanwhile.")
    ListingView update(@PathVariable UUID id, @RequestBody ListingDraft draft, Actor actor) {
        return listings.update(actor, id, draft);
    }

    @PostMapping("/{id}/pause")
    @Operation(summary = "Hide a listing from buyers for a while")
    ListingView pause(@PathVariable UUID id, Actor actor) {
        return listings.pause(actor, id);
    }

    @PostMapping("/{id}/resume")
    @Operation(summary = "Show a paused listing to buyers again")
    ListingView resume(@PathVariable UUID id, Actor actor) {
        return listings.resume(actor, id);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Withdraw a listing for good")
    ResponseEntity<Void> withdraw(@PathVariable UUID id, Actor actor) {
        listings.withdraw(actor, id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping
    @Operation(summary = "A seller's own listings, most recently changed first (coordinators: any seller's)")
    ListingPage list(@Parameter(description = "Defaults to your organization") @RequestParam(required = false) UUID sellerId,
            @RequestParam(required = false) ListingStatus status, @RequestParam(required = false) ListingKind kind,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size, Actor actor) {
        return listings.sellerListings(actor, sellerId, status, kind, page, size);
    }

    @PostMapping("/upcoming-lots")
    @Operation(summary = "List an upcoming lot of your forecast (donors; coordinators for any donor)",
            description = "Quantity, site and the month come from the forecast. Publishing the same lot again updates "
                    + "its listing (200) instead of creating another (201).")
    ResponseEntity<ListingView> publishUpcomingLot(@Valid @RequestBody UpcomingLotPublication publication, Actor actor) {
        ListingView listing = listings.publishUpcomingLot(actor, publication.lotId(), publication.unitPrice(),
                publication.description());
        // A listing is created at version 0: any later change has a higher one.
        return listing.version() == 0
                ? ResponseEntity.created(URI.create("/api/v1/listings/" + listing.id())).body(listing)
                : ResponseEntity.ok(listing);
    }

    @PostMapping(path = "/{id}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Add a photo (multipart part 'file': JPEG, PNG or WebP, at most 5 MB, 10 photos a listing)")
    ResponseEntity<ListingView> addPhoto(@PathVariable UUID id, @RequestParam(required = false) MultipartFile file,
            Actor actor) throws IOException {
        if (file == null || file.isEmpty()) {
            throw new InvalidListingException("file", "Attach the photo as the multipart part 'file'");
        }
        ListingView listing;
        try (InputStream content = file.getInputStream()) {
            listing = listings.addPhoto(actor, id, content);
        }
        String added = listing.photos().get(listing.photos().size() - 1);
        return ResponseEntity.created(URI.create(added)).body(listing);
    }

    @DeleteMapping("/{id}/photos/{position}")
    @Operation(summary = "Remove a photo; the others keep their position")
    ListingView removePhoto(@PathVariable UUID id, @PathVariable int position, Actor actor) {
        return listings.removePhoto(actor, id, position);
    }

    @GetMapping("/{id}/photos/{position}")
    @Operation(summary = "A photo, for API clients (pages use /catalog/listings/{id}/photos/{position})")
    ResponseEntity<byte[]> photo(@PathVariable UUID id, @PathVariable int position, Actor actor, WebRequest request) {
        return PhotoResponses.of(listings.photo(actor, id, position), request);
    }

    @ExceptionHandler(InvalidListingException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidListingException e) {
        String detail = e.problems().size() == 1 ? e.getMessage() : "Some fields are invalid";
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.invalid(detail, e.problems()));
    }

    @ExceptionHandler(ListingWithdrawnException.class)
    ResponseEntity<ProblemDetail> withdrawn(ListingWithdrawnException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(HttpStatus.CONFLICT, "listing-withdrawn", "Listing withdrawn", e.getMessage()));
    }
}
