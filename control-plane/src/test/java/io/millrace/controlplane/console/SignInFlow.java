package io.millrace.controlplane.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * Signing in and out as a user does: the console's {@code Sign in} button, then Keycloak's own login page (its form
 * fields by Keycloak's stable element ids: the login page is Keycloak's markup, not ours), back to the console.
 */
final class SignInFlow {

    /** A user of the local-stack realm (realm file in local-stack). */
    record User(String username, String password) {}

    static final User ALICE = new User("alice", "alice-dev-password");
    static final User BOB = new User("bob", "bob-dev-password");

    private final Page page;

    SignInFlow(Page page) {
        this.page = page;
    }

    /** Opens {@code consoleUrl}, signs in on Keycloak's page and waits until the console shows the user. */
    void signIn(String consoleUrl, User user) {
        page.navigate(consoleUrl);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
        page.locator("#username").fill(user.username());
        page.locator("#password").fill(user.password());
        page.locator("#kc-login").click();
        assertThat(signedInAs()).isVisible();
    }

    Locator signedInAs() {
        return page.getByLabel("Signed in as", new Page.GetByLabelOptions().setExact(true));
    }

    Locator signOutButton() {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out").setExact(true));
    }

    Locator signInButton() {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true));
    }
}
