// The uppföljning dashboard. PLACEHOLDER: filled in by that work.
export const svDashboard = {};
