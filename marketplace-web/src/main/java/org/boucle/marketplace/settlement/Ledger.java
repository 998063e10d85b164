package org.boucle.marketplace.settlement;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The double-entry ledger: every movement is a journal whose entries sum to zero (PostgreSQL checks it at commit),
 * and a balance is the sum of an account's entries. Positive means the account's holder is owed that much.
 */
@Service
public class Ledger {

    /** Accounts that are not an organization's; their ids are fixed by the migration. */
    public enum Account {
        PLATFORM("00000000-0000-0000-0000-00000000f001"),
        SOLIDARITY_FUND("00000000-0000-0000-0000-00000000f002"),
        /** Money received from buyers, not yet shared. */
        BUYER_PAYMENTS("00000000-0000-0000-0000-00000000f003"),
        /** Money that left by transfer to connected accounts. */
        PAYOUTS("00000000-0000-0000-0000-00000000f004"),
        /** Money given to the solidarity fund from outside (grants, patrons). */
        CONTRIBUTIONS("00000000-0000-0000-0000-00000000f005");

        private final UUID id;

        Account(String id) {
            this.id = UUID.fromString(id);
        }

        public UUID id() {
            return id;
        }
    }

    public record Posting(UUID accountId, long amountCents, UUID settlementLineId) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    Ledger(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The organization's account, opened on first use. */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID accountOf(UUID organizationId) {
        jdbc.sql("""
                insert into ledger_account (id, kind, organization_id) values (?, 'ORGANIZATION', ?)
                on conflict (organization_id) do nothing""")
                .params(UUID.randomUUID(), organizationId).update();
        return jdbc.sql("select id from ledger_account where organization_id = ?").param(organizationId)
                .query(UUID.class).single();
    }

    /** Records one balanced journal; zero amounts are left out. */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID post(UUID orderId, String currency, String description, List<Posting> postings) {
        long sum = postings.stream().mapToLong(Posting::amountCents).sum();
        if (sum != 0) {
            throw new IllegalArgumentException("Unbalanced journal (" + sum + " cents): " + description);
        }
        UUID journal = UUID.randomUUID();
        Timestamp now = Timestamp.from(clock.instant());
        for (Posting posting : postings) {
            if (posting.amountCents() == 0) {
                continue;
            }
            jdbc.sql("""
                    insert into ledger_entry (journal_id, account_id, amount_cents, currency, order_id, settlement_line_id,
                                              description, created_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(journal, posting.accountId(), posting.amountCents(), currency, orderId,
                            posting.settlementLineId(), description, now)
                    .update();
        }
        return journal;
    }

    /** The solidarity fund's balance, locked until the transaction ends so that two subsidies never spend it twice. */
    @Transactional(propagation = Propagation.MANDATORY)
    public long lockSolidarityFund() {
        jdbc.sql("select id from ledger_account where id = ? for update").param(Account.SOLIDARITY_FUND.id())
                .query(UUID.class).single();
        return balance(Account.SOLIDARITY_FUND.id());
    }

    public long balance(UUID accountId) {
        return jdbc.sql("select coalesce(sum(amount_cents), 0) from ledger_entry where account_id = ?")
                .param(accountId).query(Long.class).single();
    }

    /** Every account with its balance: organizations by name, then the platform's own accounts. */
    public List<Balance> balances() {
        return jdbc.sql("""
                select a.id, a.kind, a.organization_id, o.name, coalesce(sum(e.amount_cents), 0)
                  from ledger_account a
                  left join organization o on o.id = a.organization_id
                  left join ledger_entry e on e.account_id = a.id
                 group by a.id, a.kind, a.organization_id, o.name
                 order by a.kind = 'ORGANIZATION' desc, o.name, a.kind""")
                .query((rs, n) -> new Balance(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getObject(3, UUID.class), rs.getString(4), rs.getLong(5)))
                .list();
    }

    public record Balance(UUID accountId, String kind, UUID organizationId, String organizationName,
            long balanceCents) {
    }
}
