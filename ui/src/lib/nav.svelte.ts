// Which screen is shown, with a back stack (no URL router: the app is one window).
import type { SearchQuery } from "./bindings/SearchQuery";

export type Route =
  | { screen: "welcome" }
  | { screen: "imports" }
  | { screen: "overview" }
  | { screen: "companies"; relation?: string }
  | { screen: "company"; id: number }
  | { screen: "explorer"; filter?: Partial<SearchQuery>; companyName?: string }
  | { screen: "timeline" }
  | { screen: "map" }
  | { screen: "requests"; reference?: string }
  | { screen: "archives" }
  | { screen: "share" }
  | { screen: "settings" };

class Navigation {
  route = $state<Route>({ screen: "welcome" });
  history = $state<Route[]>([]);

  go(route: Route) {
    this.history = [...this.history.slice(-49), this.route];
    this.route = route;
  }

  back() {
    const previous = this.history[this.history.length - 1];
    if (!previous) return;
    this.history = this.history.slice(0, -1);
    this.route = previous;
  }
}

export const nav = new Navigation();
