package org.boucle.marketplace.identity;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

@Component
class AccountDetailsService implements UserDetailsService {

    private final Accounts accounts;

    AccountDetailsService(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        return accounts.account(email)
                .filter(a -> a.passwordHash() != null)
                .map(a -> new AccountUserDetails(a.actor(), a.passwordHash(), a.enabled()))
                .orElseThrow(() -> new UsernameNotFoundException("No password account"));
    }
}
