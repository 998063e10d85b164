package org.boucle.marketplace.order;

import java.util.UUID;
import org.boucle.marketplace.organization.Actor;
import org.boucle.marketplace.payment.PaymentUnavailableException;
import org.boucle.marketplace.payment.StripeGateway;
import org.boucle.marketplace.platform.InvalidInputException;
import org.boucle.marketplace.settlement.Settlements;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Checking out from the basket, the organization's order history, and one order with where its money goes. */
@Controller
class OrderPageController {

    private final Orders orders;
    private final Settlements settlements;
    private final StripeGateway stripe;

    OrderPageController(Orders orders, Settlements settlements, StripeGateway stripe) {
        this.orders = orders;
        this.settlements = settlements;
        this.stripe = stripe;
    }

    @PostMapping("/reservations/{id}/checkout")
    String checkout(Actor actor, @PathVariable UUID id, @RequestParam(defaultValue = "") String paymentMethod,
            @RequestParam(required = false) String serviceCode, @RequestParam(required = false) String commitmentNumber,
            RedirectAttributes redirect) {
        try {
            OrderView order = orders.checkout(actor, id,
                    new Orders.CheckoutRequest(paymentMethod, serviceCode, commitmentNumber)).order();
            redirect.addFlashAttribute("ordered", true);
            return "redirect:/orders/" + order.id();
        } catch (CheckoutRefusedException | InvalidInputException | PaymentUnavailableException e) {
            redirect.addFlashAttribute("checkoutError", e.getMessage());
            return "redirect:/reservations";
        }
    }

    @GetMapping("/orders")
    String history(Actor actor, Model model) {
        model.addAttribute("orders", orders.orders(actor));
        return "orders";
    }

    @GetMapping("/orders/{id}")
    String order(Actor actor, @PathVariable UUID id, Model model) {
        OrderView order = orders.order(actor, id);
        boolean buyer = actor.organizationId().equals(order.buyerId());
        boolean seller = actor.mayAccess(order.sellerId());
        model.addAttribute("order", order);
        model.addAttribute("settlement", settlements.settlement(id));
        model.addAttribute("mayCancel", (buyer || seller)
                && (order.status().equals("AWAITING_PAYMENT") || order.status().equals("DONATED")));
        model.addAttribute("mayRefund", seller && order.status().equals("PAID"));
        model.addAttribute("mayRecordTransfer", actor.isCoordinator() && order.status().equals("AWAITING_PAYMENT")
                && order.paymentMethod().equals("invoice") && order.stripeInvoiceId() == null);
        model.addAttribute("payWithStripe", buyer && order.status().equals("AWAITING_PAYMENT")
                && order.paymentClientSecret() != null);
        model.addAttribute("publishableKey", stripe.publishableKey());
        return "order";
    }

    @PostMapping("/orders/{id}/cancel")
    String cancel(Actor actor, @PathVariable UUID id, RedirectAttributes redirect) {
        return act(id, redirect, () -> orders.cancel(actor, id));
    }

    @PostMapping("/orders/{id}/refund")
    String refund(Actor actor, @PathVariable UUID id, RedirectAttributes redirect) {
        return act(id, redirect, () -> orders.refund(actor, id));
    }

    @PostMapping("/orders/{id}/bank-transfer")
    String bankTransfer(Actor actor, @PathVariable UUID id, @RequestParam(defaultValue = "") String reference,
            RedirectAttributes redirect) {
        return act(id, redirect, () -> orders.recordBankTransfer(actor, id, reference));
    }

    private static String act(UUID id, RedirectAttributes redirect, Runnable action) {
        try {
            action.run();
        } catch (CheckoutRefusedException | InvalidInputException | PaymentUnavailableException
                | AccessDeniedException e) {
            redirect.addFlashAttribute("orderError", e.getMessage());
        }
        return "redirect:/orders/" + id;
    }
}
