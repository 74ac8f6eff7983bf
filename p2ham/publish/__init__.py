"""From built pages to a published site: search per language, the security policy, the theme patch, link
previews, share controls and QR codes, redirects for moved addresses, the languages' alternates and error pages,
and the offline archive for trainers."""
