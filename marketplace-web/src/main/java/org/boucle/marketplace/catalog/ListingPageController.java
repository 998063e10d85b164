package org.boucle.marketplace.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.boucle.marketplace.inventory.source.Category;
import org.boucle.marketplace.organization.Actor;
import org.boucle.marketplace.organization.OrganizationRole;
import org.boucle.marketplace.organization.Organizations;
import org.boucle.marketplace.platform.JsonText;
import org.boucle.marketplace.platform.MapProperties;
import org.boucle.marketplace.reservation.Reservations;
import org.boucle.marketplace.platform.Problems.FieldProblem;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MultipartFile;

/**
 * The sellers' pages (their listings, the listing form and its photos), every signed-in actor's listing page, and
 * the grading scale. Actions on a row or on the photos answer with that part of the page only, for htmx.
 */
@Controller
@RequestMapping("/catalog")
class ListingPageController {

    private static final int PAGE_SIZE = 20;

    private final Listings listings;
    private final Reservations reservations;
    private final Organizations organizations;
    private final MapProperties map;
    private final JsonText json;
    private final MessageSource messages;

    ListingPageController(Listings listings, Organizations organizations, MapProperties map, JsonText json,
            MessageSource messages, Reservations reservations) {
        this.listings = listings;
        this.reservations = reservations;
        this.organizations = organizations;
        this.map = map;
        this.json = json;
        this.messages = messages;
    }

    @GetMapping("/mine")
    String mine(@RequestParam(required = false) UUID sellerId, @RequestParam(required = false) ListingStatus status,
            @RequestParam(required = false) ListingKind kind, @RequestParam(defaultValue = "0") int page, Actor actor,
            Model model, @RequestHeader(name = "HX-Request", required = false) String htmx) {
        UUID seller = sellerId == null ? actor.organizationId() : sellerId;
        model.addAttribute("listings", listings.sellerListings(actor, seller, status, kind, Math.max(0, page), PAGE_SIZE));
        model.addAttribute("seller", organizations.summary(seller));
        model.addAttribute("sellerScope", sellerId);
        model.addAttribute("status", status);
        model.addAttribute("kind", kind);
        model.addAttribute("statuses", ListingStatus.values());
        model.addAttribute("kinds", ListingKind.values());
        model.addAttribute("mayCreate", actor.isCoordinator() || isRefurbisher(actor));
        return htmx != null ? "catalog-mine :: results" : "catalog-mine";
    }

    @PostMapping("/listings/{id}/pause")
    String pause(@PathVariable UUID id, Actor actor, Model model,
            @RequestHeader(name = "HX-Request", required = false) String htmx) {
        return row(listings.pause(actor, id), model, htmx);
    }

    @PostMapping("/listings/{id}/resume")
    String resume(@PathVariable UUID id, Actor actor, Model model,
            @RequestHeader(name = "HX-Request", required = false) String htmx) {
        return row(listings.resume(actor, id), model, htmx);
    }

    @PostMapping("/listings/{id}/withdraw")
    String withdraw(@PathVariable UUID id, Actor actor, Model model,
            @RequestHeader(name = "HX-Request", required = false) String htmx) {
        return row(listings.withdraw(actor, id), model, htmx);
    }

    private String row(ListingView listing, Model model, String htmx) {
        if (htmx == null) {
            return "redirect:/catalog/mine";
        }
        model.addAttribute("l", listing);
        return "catalog-mine :: row";
    }

    @GetMapping("/listings/new")
    String newListing(@RequestParam(required = false) UUID sellerId, Actor actor, Model model) {
        if (!actor.isCoordinator() && !isRefurbisher(actor)) {
            throw new AccessDeniedException("Only workshops, resellers and coordinators publish refurbished stock");
        }
        UUID seller = sellerId == null ? actor.organizationId() : sellerId;
        model.addAttribute("form", ListingForm.empty(sellerId));
        return form(null, ListingKind.REFURBISHED, seller, actor, model);
    }

    @PostMapping("/listings")
    String create(@ModelAttribute("form") ListingForm form, BindingResult binding, Actor actor, Model model) {
        List<FieldProblem> unreadable = new ArrayList<>();
        ListingDraft draft = form.toDraft(ListingKind.REFURBISHED, unreadable, message("catalog.error.number"));
        if (!binding.hasErrors() && unreadable.isEmpty()) {
            try {
                ListingView created = listings.create(actor, draft);
                return "redirect:/catalog/listings/" + created.id() + "/edit?created";
            } catch (InvalidListingException e) {
                reject(binding, e.problems());
            }
        } else {
            reject(binding, unreadable);
            reject(binding, listings.problems(actor, null, draft));
        }
        return form(null, ListingKind.REFURBISHED, form.sellerId() == null ? actor.organizationId() : form.sellerId(),
                actor, model);
    }

    @GetMapping("/listings/{id}/edit")
    String edit(@PathVariable UUID id, @RequestParam(required = false) String created,
            @RequestParam(required = false) String saved, Actor actor, Model model) {
        ListingView listing = ownListing(actor, id);
        model.addAttribute("form", ListingForm.of(listing, LocaleContextHolder.getLocale()));
        model.addAttribute("created", created != null);
        model.addAttribute("saved", saved != null);
        return form(listing, listing.kind(), listing.seller().id(), actor, model);
    }

    @PostMapping("/listings/{id}")
    String update(@PathVariable UUID id, @ModelAttribute("form") ListingForm form, BindingResult binding, Actor actor,
            Model model) {
        ListingView listing = ownListing(actor, id);
        List<FieldProblem> unreadable = new ArrayList<>();
        ListingDraft draft = form.toDraft(null, unreadable, message("catalog.error.number"));
        try {
            if (!binding.hasErrors() && unreadable.isEmpty()) {
                try {
                    listings.update(actor, id, draft);
                    return "redirect:/catalog/listings/" + id + "/edit?saved";
                } catch (InvalidListingException e) {
                    reject(binding, e.problems());
                }
            } else {
                reject(binding, unreadable);
                reject(binding, listings.problems(actor, id, draft));
            }
        } catch (OptimisticLockingFailureException e) {
            binding.reject("stale", message("catalog.error.stale"));
        }
        return form(listing, listing.kind(), listing.seller().id(), actor, model);
    }

    @PostMapping("/listings/{id}/photos")
    String addPhoto(@PathVariable UUID id, @RequestParam(required = false) MultipartFile file, Actor actor, Model model,
            @RequestHeader(name = "HX-Request", required = false) String htmx) throws IOException {
        ListingView listing;
        try (InputStream content = file == null ? InputStream.nullInputStream() : file.getInputStream()) {
            listing = listings.addPhoto(actor, id, content);
        } catch (InvalidListingException e) {
            listing = ownListing(actor, id);
            model.addAttribute("photoError", e.getMessage());
        }
        return photos(listing, model, htmx);
    }

    @PostMapping("/listings/{id}/photos/{position}/delete")
    String removePhoto(@PathVariable UUID id, @PathVariable int position, Actor actor, Model model,
            @RequestHeader(name = "HX-Request", required = false) String htmx) {
        return photos(listings.removePhoto(actor, id, position), model, htmx);
    }

    private String photos(ListingView listing, Model model, String htmx) {
        if (htmx == null && !model.containsAttribute("photoError")) {
            return "redirect:/catalog/listings/" + listing.id() + "/edit#photos";
        }
        model.addAttribute("listing", listing);
        return "catalog-form :: photos";
    }

    @GetMapping("/listings/{id}")
    String detail(@PathVariable UUID id, Actor actor, Model model) {
        ListingView listing = listings.view(actor, id);
        model.addAttribute("listing", listing);
        model.addAttribute("mine", actor.mayAccess(listing.seller().id()));
        model.addAttribute("mayReserve", listing.isActive() && listing.quantityAvailable() > 0
                && reservations.mayReserve(actor, listing.seller().id(), listing.donation()));
        // One key per drawing of the form: a double click or a resent form holds once.
        model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
        model.addAttribute("siteJson", json.write(Map.of(
                "name", listing.site().name() + " (" + listing.site().commune() + ")",
                "lat", listing.site().lat(), "lon", listing.site().lon())));
        model.addAttribute("tileUrl", map.tileUrl());
        model.addAttribute("attribution", map.attribution());
        return "catalog-listing";
    }

    @GetMapping("/listings/{id}/photos/{position}")
    ResponseEntity<byte[]> photo(@PathVariable UUID id, @PathVariable int position, Actor actor, WebRequest request) {
        return PhotoResponses.of(listings.photo(actor, id, position), request);
    }

    @GetMapping("/grading")
    String grading(Model model) {
        model.addAttribute("grades", Grade.values());
        return "catalog-grading";
    }

    /** The form page, with what its selects offer: the seller's sites, the categories, grades and storage types. */
    private String form(ListingView listing, ListingKind kind, UUID seller, Actor actor, Model model) {
        model.addAttribute("listing", listing);
        model.addAttribute("kind", kind);
        model.addAttribute("sites", organizations.details(seller, actor).sites());
        model.addAttribute("categories", Category.values());
        model.addAttribute("grades", Grade.values());
        model.addAttribute("storageTypes", StorageType.values());
        return "catalog-form";
    }

    private ListingView ownListing(Actor actor, UUID id) {
        ListingView listing = listings.view(actor, id);
        if (!actor.mayAccess(listing.seller().id())) {
            throw new AccessDeniedException("Only the seller and coordinators change a listing");
        }
        return listing;
    }

    /** Service problems go next to their field; those about no field of the form go at its top. */
    private static void reject(BindingResult binding, List<FieldProblem> problems) {
        for (FieldProblem problem : problems) {
            String field = ListingForm.formField(problem.field());
            if (ListingForm.FIELDS.contains(field)) {
                if (!binding.hasFieldErrors(field)) {
                    binding.rejectValue(field, "invalid", problem.message());
                }
            } else {
                binding.reject("invalid", problem.message());
            }
        }
    }

    private static boolean isRefurbisher(Actor actor) {
        return actor.hasRole(OrganizationRole.WORKSHOP) || actor.hasRole(OrganizationRole.RESELLER);
    }

    private String message(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
