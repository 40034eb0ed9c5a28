package io.costlens.dashboard;

/**
 * Marks the controllers that render dashboard pages, so that {@link PageModel} serves
 * only them.
 */
interface DashboardPage {

}
