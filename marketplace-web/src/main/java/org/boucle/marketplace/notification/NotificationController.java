package org.boucle.marketplace.notification;

import org.boucle.marketplace.organization.Actor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** An organization's notifications; reading the page marks them read. */
@Controller
class NotificationController {

    private final Notifications notifications;

    NotificationController(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/notifications")
    String page(Actor actor, Model model) {
        model.addAttribute("notifications", notifications.recent(actor));
        notifications.markAllRead(actor);
        return "notifications";
    }
}
