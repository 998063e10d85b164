package org.boucle.marketplace.order;

import java.util.UUID;
import org.boucle.marketplace.organization.Actor;
import org.boucle.marketplace.platform.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Checking out from the basket, and the organization's order history. */
@Controller
class OrderPageController {

    private final Orders orders;

    OrderPageController(Orders orders) {
        this.orders = orders;
    }

    @PostMapping("/reservations/{id}/checkout")
    String checkout(Actor actor, @PathVariable UUID id, @RequestParam(defaultValue = "") String paymentMethod,
            RedirectAttributes redirect) {
        try {
            orders.checkout(actor, id, paymentMethod);
            redirect.addFlashAttribute("ordered", true);
            return "redirect:/orders";
        } catch (CheckoutRefusedException | InvalidInputException e) {
            redirect.addFlashAttribute("checkoutError", e.getMessage());
            return "redirect:/reservations";
        }
    }

    @GetMapping("/orders")
    String history(Actor actor, Model model) {
        model.addAttribute("orders", orders.orders(actor));
        return "orders";
    }
}
