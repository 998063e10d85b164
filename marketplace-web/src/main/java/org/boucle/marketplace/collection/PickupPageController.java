package org.boucle.marketplace.collection;

import java.util.UUID;
import org.boucle.marketplace.organization.Actor;
import org.boucle.marketplace.organization.OrganizationRole;
import org.boucle.marketplace.platform.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Donors' pickup slots: cancel one, announce its devices, subscribe a calendar to them. Coordinators see the
 * territory's on the same page. The calendar feed itself is public: its address is the secret.
 */
@Controller
class PickupPageController {

    private static final MediaType CALENDAR = MediaType.parseMediaType("text/calendar;charset=UTF-8");

    private final Pickups pickups;
    private final PickupCalendar calendar;
    private final MessageSource messages;

    PickupPageController(Pickups pickups, PickupCalendar calendar, MessageSource messages) {
        this.pickups = pickups;
        this.calendar = calendar;
        this.messages = messages;
    }

    @GetMapping("/collection/pickups")
    String page(Actor actor, Model model) {
        model.addAttribute("pickups", pickups.recent(actor));
        if (actor.hasRole(OrganizationRole.DONOR)) {
            model.addAttribute("calendar", PickupCalendar.link(calendar.token(actor)));
        }
        return "collection-pickups";
    }

    @PostMapping("/collection/pickups/{id}/cancel")
    String cancel(Actor actor, @PathVariable UUID id, @RequestParam(required = false) String reason, Model model) {
        try {
            model.addAttribute("p", pickups.cancel(actor, id, reason));
            model.addAttribute("message", message("pickups.cancelled"));
        } catch (InvalidInputException e) {
            return card(actor, id, model, "pickups.error.reason");
        } catch (PickupConflictException e) {
            return card(actor, id, model, "pickups.error." + e.slug());
        }
        return "collection-pickups :: pickup";
    }

    @PostMapping("/collection/pickups/{id}/announce")
    String announce(Actor actor, @PathVariable UUID id, Model model) {
        try {
            Pickups.Announcement announcement = pickups.announce(actor, id);
            model.addAttribute("p", pickups.pickup(actor, id));
            model.addAttribute("message", message("pickups.announced", announcement.announced(),
                    announcement.alreadyAnnounced()));
        } catch (PickupConflictException e) {
            return card(actor, id, model, "pickups.error." + e.slug());
        }
        return "collection-pickups :: pickup";
    }

    @PostMapping("/collection/pickups/calendar/rotate")
    String rotate(Actor actor) {
        calendar.rotate(actor);
        return "redirect:/collection/pickups";
    }

    /** The donor's calendar feed, for calendar applications: no login, the token is the key. */
    @GetMapping("/collection/pickups/{token}.ics")
    ResponseEntity<String> feed(@PathVariable String token) {
        return ResponseEntity.ok().contentType(CALENDAR).cacheControl(CacheControl.noCache())
                .body(calendar.feed(token));
    }

    /** The pickup's card again, with why the action was not done. */
    private String card(Actor actor, UUID id, Model model, String errorKey) {
        model.addAttribute("p", pickups.pickup(actor, id));
        model.addAttribute("error", message(errorKey));
        return "collection-pickups :: pickup";
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }
}
