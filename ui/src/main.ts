// Mounts the Svelte app into index.html's #app.
import { mount } from "svelte";
import App from "./App.svelte";
import "./app.css";

const target = document.getElementById("app");
if (!target) throw new Error("index.html lacks #app");
export default mount(App, { target });
