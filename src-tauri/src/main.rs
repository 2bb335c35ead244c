fn main() {
    footprint_app::run();
}
