// Read aloud: the "Listen" button reads the question and its answers with the browser's
// own speech, in the page's language. It stays hidden where there is no voice for it.
(function () {
  "use strict";
  var button = document.querySelector(".listen");
  if (!button || !("speechSynthesis" in window)) return;
  var lang = document.documentElement.lang;
  var base = lang.split("-")[0];

  function voiceFor() {
    var voices = window.speechSynthesis.getVoices();
    for (var i = 0; i < voices.length; i++) {
      if (voices[i].lang.replace("_", "-").split("-")[0] === base) return voices[i];
    }
    return null;
  }

  function read() {
    window.speechSynthesis.cancel();
    var parts = document.querySelectorAll("main [data-read]");
    var voice = voiceFor();
    for (var i = 0; i < parts.length; i++) {
      var said = new SpeechSynthesisUtterance(parts[i].textContent);
      said.lang = lang;
      if (voice) said.voice = voice;
      window.speechSynthesis.speak(said);
    }
  }

  function offer() {
    if (voiceFor()) button.hidden = false;
  }

  button.addEventListener("click", read);
  offer();
  window.speechSynthesis.addEventListener("voiceschanged", offer);
})();
