// Where to get each platform's export, in words the user can follow and copy. Nothing is
// fetched and nothing opens a browser: the addresses are text.

export interface ExportGuide {
  platform: string;
  name: string;
  address: string;
  steps: string[];
  format: string;
}

export const EXPORT_GUIDES: ExportGuide[] = [
  {
    platform: "google",
    name: "Google (Takeout)",
    address: "https://takeout.google.com",
    steps: [
      "Sign in, keep the products you want selected (My Activity, Location History, Chrome, Ads…).",
      "Choose “Export once”, file type .zip, any size (several parts are fine).",
      "Google emails you when the files are ready; download every part.",
    ],
    format: "One or more takeout-…zip files (add all parts together).",
  },
  {
    platform: "facebook",
    name: "Facebook",
    address: "https://accountscenter.facebook.com/info_and_permissions/dyi",
    steps: [
      "Accounts Center → Your information and permissions → Download your information.",
      "Pick your Facebook profile, “All available information”, format JSON, date range “All time”.",
      "Download the .zip files when Meta notifies you.",
    ],
    format: "facebook-…zip (choose JSON, not HTML).",
  },
  {
    platform: "instagram",
    name: "Instagram",
    address: "https://accountscenter.instagram.com/info_and_permissions/dyi",
    steps: [
      "Accounts Center → Your information and permissions → Download your information.",
      "Pick your Instagram profile, format JSON, date range “All time”.",
      "Download the .zip files when Meta notifies you.",
    ],
    format: "instagram-…zip (choose JSON, not HTML).",
  },
];
